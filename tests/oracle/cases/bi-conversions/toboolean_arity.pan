object template toboolean_arity;
'/a' = to_boolean(1, 2);
