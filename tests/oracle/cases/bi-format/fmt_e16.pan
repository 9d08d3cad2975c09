object template fmt_e16;
variable V = 1;
'/a' = format('%-05d', V);
