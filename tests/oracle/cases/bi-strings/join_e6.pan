object template join_e6;
variable V = 1;
'/a' = join(',', 'b', V);
