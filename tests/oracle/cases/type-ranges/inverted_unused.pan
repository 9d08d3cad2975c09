object template inverted_unused;
'/y' = 1;
type t = string[5..3];
'/x' = 1;
