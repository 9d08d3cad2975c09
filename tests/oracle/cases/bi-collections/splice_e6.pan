object template splice_e6;
variable V = list(1,2);
'/a' = splice(V, 3, 0);
