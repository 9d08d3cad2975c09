object template fmt_e10;
variable V = 1;
'/a' = format('%.2d', V);
