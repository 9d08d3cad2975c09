object template other;
'/s' = list(1, 2);
'/d' = dict('k', 'v');
