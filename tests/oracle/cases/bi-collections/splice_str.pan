object template splice_str;
variable V = 'abcde';
'/a' = splice(V, 2, 0, '12');
'/b' = splice(V, -2, 1);
'/c' = splice(V, 1, -1);
'/d' = splice(V, 5, 0, 'z');
'/e' = splice(V, 0, 5);
'/f' = splice(V, 1, -4, 'q');
