object template deref2;
'/s' = list(1, 2);
'/d' = dict('k', 'v');
'/r' = value('/d/0');
