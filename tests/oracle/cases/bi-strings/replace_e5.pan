object template replace_e5;
variable V = 'abc';
'/a' = replace('b', '$1', V);
