object template format_precision_beyond_int;
'/a' = format('%.99999999999f', 1.0);
