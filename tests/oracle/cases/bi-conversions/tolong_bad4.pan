object template tolong_bad4;
variable V = ' 1';
'/a' = to_long(V);
