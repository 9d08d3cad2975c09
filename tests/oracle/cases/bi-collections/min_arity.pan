object template min_arity;
'/a' = min(1, 2, 3);
