object template fmt_e20;
variable V = 1;
'/a' = format('%tY', 'x');
