object template lower_arity;
'/a' = to_lowercase('a', 'b');
