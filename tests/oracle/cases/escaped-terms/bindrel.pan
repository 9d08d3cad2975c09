object template bindrel;
bind 'a' = long;
'/a' = 'x';
