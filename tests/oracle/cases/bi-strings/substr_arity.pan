object template substr_arity;
'/a' = substr('a');
