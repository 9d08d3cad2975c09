object template u28;
variable S = "s";
variable L = list(1);
'/a' = true < false;
