object template match_const_regex3;
variable V = 'a';
'/a' = matches(V, '[a');
