object template negative_open_end;
bind '/x' = long(..-3);
'/x' = -3;
