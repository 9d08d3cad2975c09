object template deref3;
'/s' = list(1, 2);
'/d' = dict('k', 'v');
'/r' = path_exists('/s/name');
