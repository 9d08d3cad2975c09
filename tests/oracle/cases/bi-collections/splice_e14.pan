object template splice_e14;
variable V = list(1,2);
'/a' = splice(V, 1, 2);
