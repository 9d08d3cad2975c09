object template tolong_bad;
variable V = '12a';
'/a' = to_long(V);
