object template join_e7;
'/a' = join(',', 'b');
