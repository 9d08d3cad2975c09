object template refused2;
'/r' = replace('a|{x}', '-', 'abc');
