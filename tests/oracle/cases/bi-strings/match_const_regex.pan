object template match_const_regex;
variable V = 'a';
'/a' = match(V, '(a');
