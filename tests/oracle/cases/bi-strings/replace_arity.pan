object template replace_arity;
'/a' = replace('a', 'b');
