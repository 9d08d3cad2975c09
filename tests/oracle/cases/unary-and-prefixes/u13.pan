object template u13;
variable S = "s";
variable L = list(1);
prefix '/s/c'; '{pkg:/entire}/{0.5}' = '';
