object template negative_bounds;
bind '/x' = long(-5..-2);
'/x' = 1;
