object template tolong_radix5;
variable V = 'ff';
'/a' = to_long(V, list());
