object template link_bad_path;
bind '/a' = long*;
'/a' = 'a b';
