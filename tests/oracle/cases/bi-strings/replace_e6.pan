object template replace_e6;
variable V = 'abc';
'/a' = replace('b', 'x\', V);
