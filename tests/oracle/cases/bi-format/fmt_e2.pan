object template fmt_e2;
variable V = 'a';
'/a' = format('%s %s', V);
