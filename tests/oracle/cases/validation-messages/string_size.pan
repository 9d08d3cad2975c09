object template string_size;
bind '/d' = string(1..5);
'/d' = 'UPPER lower';
