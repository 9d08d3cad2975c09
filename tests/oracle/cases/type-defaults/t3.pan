object template t3;
type t = long = { x = 2; x * 2; };
bind '/r' = t;
