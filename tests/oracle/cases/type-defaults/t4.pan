object template t4;
type t = long = 1 + X;
