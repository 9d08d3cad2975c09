object template refused1;
'/r' = replace('{x}', '-', 'abc');
