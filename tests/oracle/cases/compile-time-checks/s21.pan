object template s21;
'/a' = { OBJECT = 1; };
