object template t7;
type t = long = -X;
