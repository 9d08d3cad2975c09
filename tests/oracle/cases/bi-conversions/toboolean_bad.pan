object template toboolean_bad;
variable V = list();
'/a' = to_boolean(V);
