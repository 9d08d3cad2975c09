object template match_var_null;
variable V = null;
'/a' = matches('a', V);
