object template u20;
variable S = "s";
variable L = list(1);
'/a' = 9223372036854775807 + 1;
