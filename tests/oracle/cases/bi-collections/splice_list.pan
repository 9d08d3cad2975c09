object template splice_list;
variable V = list(1, 2, 3, 4);
'/a' = splice(V, 1, 2);
'/b' = splice(V, -1, 1, list('x', 'y'));
'/c' = splice(V, 4, 0, list(5));
'/d' = splice(V, 0, -2);
