object template local-through-constant-if;
'/a' = { x = list(1); y = append(if (true) x else list(), 2); x };
