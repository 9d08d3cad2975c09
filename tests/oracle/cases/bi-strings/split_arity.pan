object template split_arity;
'/a' = split(',');
