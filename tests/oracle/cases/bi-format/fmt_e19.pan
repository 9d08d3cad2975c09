object template fmt_e19;
variable V = 1;
'/a' = format('%,x', V);
