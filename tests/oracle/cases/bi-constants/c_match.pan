object template c_match;
'/a' = match('a', '(');
