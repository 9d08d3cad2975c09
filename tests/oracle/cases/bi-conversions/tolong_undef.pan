object template tolong_undef;
variable V = undef;
'/a' = to_long(V);
