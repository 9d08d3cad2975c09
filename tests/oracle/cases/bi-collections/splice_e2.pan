object template splice_e2;
variable V = 'abc';
'/a' = splice(V, 4, 0);
