object template include_order;
type a = { 'x' : long(..5) 'z' ? string } with SELF['x'] > 1;
type b = { 'w' : boolean };
type c = { include a include b 'y' : long 'x' : long(3..) };
bind '/r' = c;
'/r' = dict('x', 2, 'y', 1, 'w', true);
