object template tolong_radix1;
variable V = 'ff';
'/a' = to_long(V, 37);
