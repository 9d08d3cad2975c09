object template index_str;
variable V = 'hello world';
'/a' = index('o', V);
'/b' = index('o', V, 5);
'/c' = index('o', V, -3);
'/d' = index('', V, 50);
'/e' = index('', V);
'/f' = index('z', V);
'/g' = index('o', V, 100);
