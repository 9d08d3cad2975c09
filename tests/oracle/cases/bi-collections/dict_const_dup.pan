object template dict_const_dup;
'/a' = dict('a', 2, 'a', 3);
