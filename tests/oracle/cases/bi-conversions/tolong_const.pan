object template tolong_const;
'/a' = to_long('zz');
