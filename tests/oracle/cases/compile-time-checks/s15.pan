object template s15;
'/a b' = 1;
