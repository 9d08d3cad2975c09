object template included_with;
type base = { 'q' : long } with length(SELF) > 9;
bind '/b' = { include base 'a' : long };
'/b' = dict('a', 1, 'q', 2);
