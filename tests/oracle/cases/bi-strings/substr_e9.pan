object template substr_e9;
variable V = 'abc';
'/a' = substr(V, 2147483648);
