object template boolean_range;
bind '/l' = boolean(1..2);
'/l' = true;
