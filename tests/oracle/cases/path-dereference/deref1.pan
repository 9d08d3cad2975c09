object template deref1;
'/s' = list(1, 2);
'/d' = dict('k', 'v');
'/r' = value('/s/name');
