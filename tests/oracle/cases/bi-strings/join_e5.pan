object template join_e5;
variable V = list('a');
'/a' = join(',', 'b', V);
