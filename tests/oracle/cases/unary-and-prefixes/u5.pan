object template u5;
variable S = "s";
variable L = list(1);
'/a' = !S;
