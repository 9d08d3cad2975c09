object template path-set;

# A global folded when compiling may hold itself; copying it into the profile overflows.
variable V = { x = list(1); append(x, x); x };
'/a' = V;
