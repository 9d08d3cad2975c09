object template index_arity;
'/x' = index('a');
