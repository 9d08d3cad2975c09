object template tolong_radix3;
variable V = 'fg';
'/a' = to_long(V, 16);
