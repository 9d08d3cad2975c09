object template t6;
type t = long = { 1; undef; };
