object template fmt_e12;
variable V = 1;
'/a' = format('%', V);
