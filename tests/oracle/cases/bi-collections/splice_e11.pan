object template splice_e11;
variable V = 'ab';
'/a' = splice(V, 0, 'x');
