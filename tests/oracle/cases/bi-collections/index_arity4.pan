object template index_arity4;
'/x' = index('a', 'b', 1, 2);
