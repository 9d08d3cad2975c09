object template join_e2;
variable V = 'x';
'/a' = join(',', V);
