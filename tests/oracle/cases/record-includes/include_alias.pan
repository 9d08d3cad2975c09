object template include_alias;
type a = { 'x' : long };
type b = a;
type c = { include b };
bind '/r' = c;
'/r' = dict('x', 1);
