object template f3;
type t = { 'a b' : long };
