object template default_position_bind;
bind '/x' = boolean = true;
'/x' = 1;
