object template replace_ok;
variable V = 'a.b.c';
'/a' = replace('\.', '-', V);
'/b' = replace('(a)\.(b)', '$2$1', V);
'/c' = replace('x*', '_', 'abc');
'/d' = replace('b', '\$', 'abc');
