object template key_big;
variable V = dict('a', 1);
'/a' = key(V, 1);
