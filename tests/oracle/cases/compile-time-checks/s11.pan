object template s11;
'/0' = 1;
