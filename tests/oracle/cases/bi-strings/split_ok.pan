object template split_ok;
variable V = 'a,b,,c,,';
'/a' = split(',', V);
'/b' = split(',', -1, V);
'/c' = split(',', 2, V);
'/d' = split('', 'abc');
'/e' = split(',', '');
'/f' = split('x*', 'axbc');
'/g' = split(',', 0, V);
