object template refused6;
'/r' = replace('x{1', '-', 'abc');
