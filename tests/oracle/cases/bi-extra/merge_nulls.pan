object template merge_nulls;
variable V = list(null, 1);
'/a' = length(merge(V, list(null)));
