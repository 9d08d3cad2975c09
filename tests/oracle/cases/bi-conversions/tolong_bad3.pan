object template tolong_bad3;
variable V = '9223372036854775808';
'/a' = to_long(V);
