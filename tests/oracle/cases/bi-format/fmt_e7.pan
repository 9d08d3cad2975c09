object template fmt_e7;
variable V = 1.5;
'/a' = format('%d', V);
