object template link_invalid_target;
bind '/a' = long*;
'/a' = '/b';
'/b' = 'x';
