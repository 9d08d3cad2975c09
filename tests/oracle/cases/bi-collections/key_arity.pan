object template key_arity;
'/a' = key(dict('a', 1));
