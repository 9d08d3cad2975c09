object template deref8;
'/s' = list(1, 2);
'/d' = dict('k', 'v');
'/r' = value('/s/0/x');
