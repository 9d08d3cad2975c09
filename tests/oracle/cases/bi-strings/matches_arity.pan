object template matches_arity;
'/a' = matches('a', 'b', 'c', 'd');
