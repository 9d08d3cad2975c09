object template d1;
'/a' = deprecated(0, 'old');
