object template match_const_regex2;
variable V = 'a';
'/a' = matches(V, '*a');
