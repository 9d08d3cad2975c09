object template join_e3;
variable V = list('a', list());
'/a' = join(',', V);
