object template s19;
'/a/{ab' = 1;
