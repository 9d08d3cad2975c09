object template tolong_radix2;
variable V = 'ff';
'/a' = to_long(V, '16');
