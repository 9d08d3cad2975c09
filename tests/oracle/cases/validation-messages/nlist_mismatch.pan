object template nlist_mismatch;
type t_1 = string;
bind '/x' = t_1;
'/x' = dict('a', 1);
