object template merge_undef;
variable V = list(1);
'/a' = merge(V, undef);
