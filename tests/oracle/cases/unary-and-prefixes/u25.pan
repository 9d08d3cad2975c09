object template u25;
variable S = "s";
variable L = list(1);
'/a' = 0.0 == -0.0;
