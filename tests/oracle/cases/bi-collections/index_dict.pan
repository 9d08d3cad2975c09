object template index_dict;
variable V = dict('b', 1, 'a', 1, 'c', 'x', 'd', 1);
'/a' = index(1, V);
'/b' = index(1, V, 1);
'/c' = index(1, V, 2);
'/d' = index(1, V, 3);
'/e' = index('x', V);
'/f' = index(1.0, V);
'/g' = index(dict('k', 1), V);
