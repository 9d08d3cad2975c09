object template format;
'/a' = length(format('%999999999s', 'x'));
