object template deref5;
'/s' = list(1, 2);
'/d' = dict('k', 'v');
'/r' = exists('/s/name');
