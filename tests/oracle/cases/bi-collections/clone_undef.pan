object template clone_undef;
variable V = undef;
'/x' = clone(V);
