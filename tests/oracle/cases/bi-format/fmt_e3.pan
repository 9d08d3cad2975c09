object template fmt_e3;
variable V = 1;
'/a' = format('%q', V);
