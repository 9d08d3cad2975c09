object template match_var_flag;
variable V = 'z';
'/a' = match('a', 'a', V);
