object template u17;
variable S = "s";
variable L = list(1);
prefix '/s'; prefix ''; '/t' = 1; 'u' = 2;
