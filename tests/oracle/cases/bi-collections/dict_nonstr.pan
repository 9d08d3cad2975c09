object template dict_nonstr;
variable V = 1;
'/a' = dict(V, 2);
