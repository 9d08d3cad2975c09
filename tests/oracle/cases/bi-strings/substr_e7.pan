object template substr_e7;
variable V = 'abc';
'/a' = substr(V, '1');
