object template f2;
type t = { 'a/b' : long };
