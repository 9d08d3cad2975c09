object template split_e2;
variable V = 'a';
'/a' = split(',', 'x', V);
