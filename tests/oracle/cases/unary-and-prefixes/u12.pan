object template u12;
variable S = "s";
variable L = list(1);
'/a' = -undef;
