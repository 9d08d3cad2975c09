object template deref7;
'/s' = list(1, 2);
'/d' = dict('k', 'v');
'/r' = exists('other:/d/0/x');
