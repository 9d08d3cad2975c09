object template list_size;
bind '/l' = long[2];
'/l' = list(1);
