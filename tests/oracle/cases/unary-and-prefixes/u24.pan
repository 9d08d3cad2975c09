object template u24;
variable S = "s";
variable L = list(1);
'/a' = 1.0 / 0;
