object template merge_mixed;
variable V = list(1);
'/a' = merge(V, dict('a', 2));
