object template radix_bounds;
bind '/x' = long(0x10..020);
'/x' = 1;
