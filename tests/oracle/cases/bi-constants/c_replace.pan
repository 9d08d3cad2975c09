object template c_replace;
'/a' = replace('b', '$1', 'abc');
