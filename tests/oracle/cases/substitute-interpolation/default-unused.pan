object template default-unused;
'/a' = substitute('${zz:-d}', dict('a', 'x'));
