object template match_const_flag;
variable V = 'a';
'/a' = match(V, 'a', 'q');
