object template splice_e17;
variable V = 'ab';
'/a' = splice(V, 0, -2147483649);
