object template splice_e12;
variable V = 'ab';
'/a' = splice(V, 4294967296, 0);
