object template f1;
type t = { '10' : long };
