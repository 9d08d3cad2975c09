object template replace_e2;
variable V = 1;
'/a' = replace('a', V, 'c');
