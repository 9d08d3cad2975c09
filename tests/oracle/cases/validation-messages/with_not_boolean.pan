object template with_not_boolean;
bind '/a' = string with 3;
'/a' = 'x';
