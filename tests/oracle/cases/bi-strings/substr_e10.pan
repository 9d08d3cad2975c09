object template substr_e10;
variable V = 'abc';
'/a' = substr(V, 1, -2147483649);
