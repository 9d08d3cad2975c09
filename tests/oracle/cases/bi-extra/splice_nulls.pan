object template splice_nulls;
variable V = list(1, null, 2, null);
'/a' = length(splice(V, 0, 1));
'/c' = length(merge(list(1), list(null, null, 5)));
