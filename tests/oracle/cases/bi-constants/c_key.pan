object template c_key;
'/a' = key(dict('a', 1), 5);
