object template json_nan;
variable V = 'NaN';
'/a' = json_encode(list(to_double(V), -to_double('Infinity'), 1e-7, 123456789.0, 1e21));
