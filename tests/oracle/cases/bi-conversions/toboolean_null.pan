object template toboolean_null;
variable V = null;
'/a' = to_boolean(V);
