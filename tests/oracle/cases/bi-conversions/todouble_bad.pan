object template todouble_bad;
variable V = 'abc';
'/a' = to_double(V);
