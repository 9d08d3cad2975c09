object template link_missing;
bind '/a' = long*;
'/a' = '/nothere';
