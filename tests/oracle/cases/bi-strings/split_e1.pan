object template split_e1;
variable V = 1;
'/a' = split(V, 'a');
