object template splice_e3;
variable V = 'abc';
'/a' = splice(V, 1, -3);
