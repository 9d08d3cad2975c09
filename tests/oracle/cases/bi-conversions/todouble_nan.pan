object template todouble_nan;
variable V = 'NaN';
'/a' = to_double(V);
