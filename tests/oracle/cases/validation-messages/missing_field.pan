object template missing_field;
type base = { 'q' : long } with length(SELF) > 9;
bind '/b' = { include base 'a' : long 'b' ? string = 'd' };
'/b' = dict('a', 1);
