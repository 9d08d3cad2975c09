object template fmt_e1;
variable V = 'a';
'/a' = format('%d', V);
