object template todouble_arity;
'/a' = to_double();
