object template format_index_beyond_int;
'/a' = format('%99999999999$s', 'x');
