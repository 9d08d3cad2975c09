object template u4;
variable S = "s";
variable L = list(1);
'/a' = +L;
