object template s9;
'/a' = { x[error('a')] = 1; };
