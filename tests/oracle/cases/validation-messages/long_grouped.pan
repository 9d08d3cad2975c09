object template long_grouped;
bind '/x' = long(1..2);
'/x' = -4294967295;
