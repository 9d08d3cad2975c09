object template u16;
variable S = "s";
variable L = list(1);
prefix '/s'; '0/a' = 1;
