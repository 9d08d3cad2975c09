object template tolong_arity3;
'/a' = to_long('1', 2, 3);
