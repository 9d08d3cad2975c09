object template length_arity;
'/a' = length(1, 2);
