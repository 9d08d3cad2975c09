object template s13;
'/a/06' = 1;
