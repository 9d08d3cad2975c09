object template u21;
variable S = "s";
variable L = list(1);
'/a' = -9223372036854775807 - 2;
