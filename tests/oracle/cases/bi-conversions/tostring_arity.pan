object template tostring_arity;
'/a' = to_string();
