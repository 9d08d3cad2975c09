object template u23;
variable S = "s";
variable L = list(1);
'/a' = -7 / 2;
