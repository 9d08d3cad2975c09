object template max_arity;
'/a' = max(1);
