object template join_ok;
variable V = list('a', 'b');
'/a' = join('-', V);
'/b' = join(',', 'x', 'y', 'z');
'/c' = join(',', list());
