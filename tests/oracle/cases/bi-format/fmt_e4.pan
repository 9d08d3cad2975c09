object template fmt_e4;
variable V = 1;
'/a' = format(V);
