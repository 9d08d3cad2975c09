object template record_fields;
function f = true;
type inner = { 'x' : long with SELF > 0 };
bind '/b' = { 'n' : { 'm' ? string[] = list('a') } 'w' : long = 3 with f(SELF) && SELF < 10 'l' : long(..5) 'c' : choice('p', 'q') 'ln' : string* 'h' : double{} 'd' : inner = dict('x', 1) 'e' ? nlist } with true;
'/b' = dict('{x/y}', 1, 'A', 2, 'b', 'x');
