object template key_neg;
variable V = dict('a', 1);
'/a' = key(V, -1);
