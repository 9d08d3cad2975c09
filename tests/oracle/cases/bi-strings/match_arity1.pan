object template match_arity1;
'/a' = match(1);
