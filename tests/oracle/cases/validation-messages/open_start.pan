object template open_start;
'/x' = -2;
bind '/x' = long(..10);
