object template splice_e13;
variable V = list(1,2);
'/a' = splice(V, 0, -3);
