object template open_end;
bind '/x' = long(5..);
'/x' = 2;
