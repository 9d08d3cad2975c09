object template s12;
'/a//b' = 1;
