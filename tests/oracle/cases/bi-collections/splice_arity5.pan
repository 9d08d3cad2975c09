object template splice_arity5;
'/a' = splice('abc', 1, 1, 'x', 'y');
