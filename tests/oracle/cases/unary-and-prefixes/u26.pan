object template u26;
variable S = "s";
variable L = list(1);
'/a' = "a" < "b";
