object template match_const_type2;
variable V = 'a';
'/a' = match(V, 1);
