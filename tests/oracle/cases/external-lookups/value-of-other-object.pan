object template value-of-other-object;
'/d/b' = value('other:/x');
