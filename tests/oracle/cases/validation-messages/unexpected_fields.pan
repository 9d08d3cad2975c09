object template unexpected_fields;
type base = { 'q' ? long };
bind '/b' = { include base 'a' : long 'b' ? string = 'd' };
'/b' = dict('{x/y}', 1, 'A', 2, 'b', 'x', 'q', 3, '{é}', 4, 'Z', 5);
