object template u22;
variable S = "s";
variable L = list(1);
'/a' = 7 % -3;
