object template splice_e16;
variable V = list(1,2);
'/a' = splice(V, 2, -1);
