object template u7;
variable S = "s";
variable L = list(1);
'/a' = -"a";
