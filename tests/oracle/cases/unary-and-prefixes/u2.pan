object template u2;
variable S = "s";
variable L = list(1);
'/a' = +"a";
