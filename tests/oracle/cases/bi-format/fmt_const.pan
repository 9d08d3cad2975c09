object template fmt_const;
'/a' = format('%d', 'x');
