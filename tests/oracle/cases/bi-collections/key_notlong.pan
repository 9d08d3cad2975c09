object template key_notlong;
variable V = dict('a', 1);
'/a' = key(V, '0');
