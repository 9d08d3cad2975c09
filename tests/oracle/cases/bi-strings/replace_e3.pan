object template replace_e3;
variable V = 1;
'/a' = replace('a', 'b', V);
