object template parenthesized-braces;
'/a' = { x = list(1); y = append(({ x }), 2); x };
