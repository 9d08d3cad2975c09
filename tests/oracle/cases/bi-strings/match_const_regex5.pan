object template match_const_regex5;
variable V = 'a';
'/a' = matches(V, '\k');
