object template split_e4;
variable V = '[a';
'/a' = split(V, 'abc');
