object template value-default-of-absent-object;
'/d/b' = value('nosuch:/x', 5);
