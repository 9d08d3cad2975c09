object template u27;
variable S = "s";
variable L = list(1);
'/a' = true == 1;
