object template key_ok;
variable V = dict('b', 1, 'a', 2, 'B', 3, '_x', 4);
'/a' = key(V, 0);
'/b' = key(V, 1);
'/c' = key(V, 2);
'/d' = key(V, 3);
