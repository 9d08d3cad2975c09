object template merge_bad;
variable V = 'a';
'/a' = merge(V, 'b');
