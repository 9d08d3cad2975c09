object template include_field_failure;
type a = { 'x' : long(..5) };
type c = extensible { include a 'y' : long };
bind '/r' = c;
'/r' = dict('x', 7, 'y', 'no', 'v', 1);
