object template value-of-absent-object;
'/d/b' = value('o1:/a');
