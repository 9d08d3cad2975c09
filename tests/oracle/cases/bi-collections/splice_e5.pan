object template splice_e5;
variable V = 'abc';
'/a' = splice(V, 2, -2);
