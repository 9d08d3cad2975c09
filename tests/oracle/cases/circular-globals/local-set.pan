object template local-set;

variable V = { x = list(1); append(x, x); x };
'/a' = { y = V; 1 };
