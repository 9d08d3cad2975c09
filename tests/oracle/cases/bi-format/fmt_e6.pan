object template fmt_e6;
variable V = undef;
'/a' = format('%s', V);
