object template match_const_type;
'/a' = match(1, 'a');
