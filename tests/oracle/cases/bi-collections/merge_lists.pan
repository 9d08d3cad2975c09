object template merge_lists;
variable V = list(1, 2);
'/a' = merge(V, list(3), list());
'/b' = merge(V);
'/c' = merge(dict('a', 1), dict('b', 2));
