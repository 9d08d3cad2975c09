object template splice_e9;
variable V = 5;
'/a' = splice(V, 1, 0);
