object template splice_e15;
variable V = list(1,2);
'/a' = splice(V, -3, 0);
