object template splice_e7;
variable V = list(1,2);
'/a' = splice(V, 1, 0, 'x');
