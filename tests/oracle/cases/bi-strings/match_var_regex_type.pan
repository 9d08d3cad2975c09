object template match_var_regex_type;
variable V = 1;
'/a' = match('a', V);
