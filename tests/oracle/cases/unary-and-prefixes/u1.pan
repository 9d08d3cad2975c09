object template u1;
variable S = "s";
variable L = list(1);
'/a' = "a" + +S;
