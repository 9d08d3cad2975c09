object template clone_ok;
variable V = dict('a', list(1, 2));
'/x' = clone(V);
'/y' = clone(null);
