object template substr_e1;
variable V = 'abc';
'/a' = substr(V, 4);
