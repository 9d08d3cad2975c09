object template splice_arity;
'/a' = splice('abc', 1);
