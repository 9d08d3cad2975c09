object template largest_end;
bind '/x' = long(5..9223372036854775807);
'/x' = 2;
