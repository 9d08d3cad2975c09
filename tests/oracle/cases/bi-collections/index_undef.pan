object template index_undef;
variable V = undef;
'/a' = index(1, V);
