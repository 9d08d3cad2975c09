object template tolong_arity;
'/a' = to_long();
