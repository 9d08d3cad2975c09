object template s6;
'/a' = { SELF = 1; };
