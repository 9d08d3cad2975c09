object template splice_e4;
variable V = 'abc';
'/a' = splice(V, 1, 3);
