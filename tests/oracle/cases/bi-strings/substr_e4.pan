object template substr_e4;
variable V = 'abc';
'/a' = substr(V, 1, -4);
