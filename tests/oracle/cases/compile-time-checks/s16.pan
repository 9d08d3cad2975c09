object template s16;
'/a/{b' = 1;
