object template fmt_e18;
variable V = 1;
'/a' = format('%0s', V);
