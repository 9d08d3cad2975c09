object template substr_e3;
variable V = 'abc';
'/a' = substr(V, 1, 3);
