object template upper_arity;
'/a' = to_uppercase();
