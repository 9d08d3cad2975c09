object template u9;
variable S = "s";
variable L = list(1);
'/a' = ~1.5;
