object template dict_const_bad;
'/a' = dict('1', 2);
