object template splice_e8;
variable V = 'ab';
'/a' = splice(V, 1, 0, list());
