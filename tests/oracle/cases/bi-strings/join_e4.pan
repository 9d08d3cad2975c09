object template join_e4;
variable V = list('a', 1);
'/a' = join(',', V);
