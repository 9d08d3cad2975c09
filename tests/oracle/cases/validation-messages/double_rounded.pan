object template double_rounded;
bind '/x' = double(5..6);
'/x' = 1234.5678;
