object template u6;
variable S = "s";
variable L = list(1);
'/a' = ~S;
