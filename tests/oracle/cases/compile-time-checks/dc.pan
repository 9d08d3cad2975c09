declaration template dc;
'/a' = 1;
