object template replace_e4;
variable V = '(a';
'/a' = replace(V, 'b', 'c');
