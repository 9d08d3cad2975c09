object template deref6;
'/s' = list(1, 2);
'/d' = dict('k', 'v');
'/r' = value('other:/s/name');
