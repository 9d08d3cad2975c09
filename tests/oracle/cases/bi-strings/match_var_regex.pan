object template match_var_regex;
variable V = '(a';
'/a' = match('a', V);
