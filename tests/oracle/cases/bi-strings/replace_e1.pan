object template replace_e1;
variable V = 1;
'/a' = replace(V, 'b', 'c');
