object template join_e8;
'/a' = join(null, 'b', 'c');
