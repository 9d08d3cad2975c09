object template match_const_regex4;
variable V = 'a';
'/a' = matches(V, 'a{2');
