object template inverted;
bind '/x' = long(5..3);
'/x' = -3;
