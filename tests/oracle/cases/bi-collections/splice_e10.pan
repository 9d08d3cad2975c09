object template splice_e10;
variable V = 'ab';
'/a' = splice(V, 'x', 0);
