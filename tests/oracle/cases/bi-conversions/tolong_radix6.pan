object template tolong_radix6;
variable V = '0x10';
'/a' = to_long(V, 16);
