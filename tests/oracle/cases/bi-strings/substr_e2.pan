object template substr_e2;
variable V = 'abc';
'/a' = substr(V, -4);
