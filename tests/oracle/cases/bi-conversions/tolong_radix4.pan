object template tolong_radix4;
variable V = list();
'/a' = to_long(V, 16);
