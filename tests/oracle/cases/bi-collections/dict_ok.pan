object template dict_ok;
variable V = 'k';
'/a' = dict(V, 1, 'b', null);
'/b' = nlist('x', 1);
'/c' = dict();
