object template key_list_of_keys;
variable V = dict('b', 1, 'a', 2, '_x', 3, 'Z', 4);
'/a' = list(key(V, 0), key(V, 1), key(V, 2), key(V, 3));
