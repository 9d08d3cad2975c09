object template hash_size;
type t_2 = string{1..2};
bind '/srv' = t_2;
'/srv' = dict('name', 'False', '_', 'x', '1a', 'y');
