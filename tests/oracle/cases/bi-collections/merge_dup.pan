object template merge_dup;
variable V = dict('a', 1);
'/a' = merge(V, dict('a', 2));
