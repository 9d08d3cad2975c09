object template toboolean_undef;
variable V = undef;
'/a' = to_boolean(V);
