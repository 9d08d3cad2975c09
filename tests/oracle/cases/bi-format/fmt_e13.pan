object template fmt_e13;
variable V = 1;
'/a' = format('%+s', V);
