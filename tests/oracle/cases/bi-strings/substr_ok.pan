object template substr_ok;
variable V = 'abcdef';
'/a' = substr(V, 1, -1);
'/b' = substr(V, -4, 1);
'/c' = substr(V, 6);
'/d' = substr(V, 2);
'/e' = substr(V, 0, 0);
'/f' = substr('a😀b', 1, 2);
