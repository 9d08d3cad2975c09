object template u15;
variable S = "s";
variable L = list(1);
prefix '/s'; prefix 'c'; 'd' = 1; prefix ''; prefix 'e'; 'f' = 2;
