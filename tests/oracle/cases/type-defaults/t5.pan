object template t5;
type t = long = undef;
