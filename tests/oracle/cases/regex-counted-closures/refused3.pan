object template refused3;
'/r' = replace('ab{', '-', 'abc');
