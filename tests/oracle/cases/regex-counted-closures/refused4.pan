object template refused4;
'/r' = replace('a{2,1}', '-', 'abc');
