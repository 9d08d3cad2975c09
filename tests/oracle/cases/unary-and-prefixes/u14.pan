object template u14;
variable S = "s";
variable L = list(1);
prefix '/s/c'; 'a/{x:y}/b' = 1;
