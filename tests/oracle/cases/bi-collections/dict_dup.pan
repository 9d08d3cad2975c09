object template dict_dup;
variable V = 'a';
'/a' = dict(V, 2, 'a', 3);
