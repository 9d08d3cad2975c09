object template record_in_list;
type entry = { 'a' ? long(1..) 'b' : string = 'x' } (1..2);
bind '/e' = entry[];
bind '/r' = { include entry 'c' : boolean[] } with is_dict(SELF);
'/e' = list(dict('a', 1), dict('b', 'y', 'a', 2));
'/r' = dict('a', 0, 'b', 'z', 'c', list(true));
