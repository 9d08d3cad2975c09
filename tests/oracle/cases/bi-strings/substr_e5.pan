object template substr_e5;
variable V = 'abc';
'/a' = substr(V, 2, -2);
