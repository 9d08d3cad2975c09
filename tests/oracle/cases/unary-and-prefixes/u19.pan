object template u19;
variable S = "s";
variable L = list(1);
prefix '/p'; 'x:/a' = 1;
