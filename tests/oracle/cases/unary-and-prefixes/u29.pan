object template u29;
variable S = "s";
variable L = list(1);
'/a' = 1 && true;
