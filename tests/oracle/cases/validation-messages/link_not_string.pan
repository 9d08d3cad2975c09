object template link_not_string;
bind '/a' = long*;
'/a' = 5;
