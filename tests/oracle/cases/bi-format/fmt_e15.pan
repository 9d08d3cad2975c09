object template fmt_e15;
variable V = 1;
'/a' = format('%3$s', V);
