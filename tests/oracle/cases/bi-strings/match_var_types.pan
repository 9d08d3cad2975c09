object template match_var_types;
variable V = 1;
'/a' = matches(V, V);
