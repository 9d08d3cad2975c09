object template double_large;
bind '/x' = double(0..1);
'/x' = 1e20;
