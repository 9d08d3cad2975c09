object template s7;
'/a' = SELF(1);
