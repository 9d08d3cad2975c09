object template substr_e8;
variable V = 'abc';
'/a' = substr(V, 1, '1');
