object template c_merge;
'/a' = merge(list(1), dict('a', 1));
