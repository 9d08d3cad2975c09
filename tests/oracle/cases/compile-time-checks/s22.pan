object template s22;
'/a' = { TEMPLATE[0] = 1; };
