object template tolong_bad2;
variable V = list();
'/a' = to_long(V);
