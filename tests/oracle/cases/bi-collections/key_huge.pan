object template key_huge;
variable V = dict('a', 1);
'/a' = key(V, 2147483648);
