object template index_bad3;
variable V = 'abc';
'/a' = index('b', V, 'x');
