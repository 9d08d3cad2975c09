object template u11;
variable S = "s";
variable L = list(1);
'/a' = +undef;
