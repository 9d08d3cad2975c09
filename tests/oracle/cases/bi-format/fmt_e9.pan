object template fmt_e9;
variable V = 1;
'/a' = format('%#s', V);
