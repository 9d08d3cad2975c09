object template fmt_e14;
variable V = 1;
'/a' = format('%<s', V);
