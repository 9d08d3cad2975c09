object template c_format;
'/a' = format('%d', 'x');
