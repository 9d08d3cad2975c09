object template unused;

variable V = { x = list(1); append(x, x); x };
'/a' = 1;
