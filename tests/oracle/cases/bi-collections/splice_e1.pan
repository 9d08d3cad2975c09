object template splice_e1;
variable V = 'abc';
'/a' = splice(V, -4, 0);
