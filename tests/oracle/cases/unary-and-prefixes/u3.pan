object template u3;
variable S = "s";
variable L = list(1);
'/a' = -S;
