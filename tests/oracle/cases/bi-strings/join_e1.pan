object template join_e1;
variable V = 1;
'/a' = join(V, 'a', 'b');
