object template double_whole;
bind '/x' = double(0..1);
'/x' = 1e3;
