object template merge_mixed2;
variable V = dict('a', 1);
'/a' = merge(V, list(2));
