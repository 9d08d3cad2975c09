object template braces-of-one;
'/a' = { x = list(1); y = append({ x }, 2); x };
