object template split_e3;
variable V = 1;
'/a' = split(',', V);
