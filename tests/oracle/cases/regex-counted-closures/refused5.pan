object template refused5;
'/r' = replace('a{٣}', '-', 'abc');
