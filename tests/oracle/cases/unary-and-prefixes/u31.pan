object template u31;
variable S = "s";
variable L = list(1);
'/a' = false && 1;
