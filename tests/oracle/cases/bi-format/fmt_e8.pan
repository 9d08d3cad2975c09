object template fmt_e8;
variable V = 1;
'/a' = format('%-d', V);
