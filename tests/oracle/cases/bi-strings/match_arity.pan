object template match_arity;
'/a' = match('a');
