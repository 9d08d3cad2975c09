object template fmt_e5;
variable V = null;
'/a' = format('%s', V);
