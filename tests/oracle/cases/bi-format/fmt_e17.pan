object template fmt_e17;
variable V = 1;
'/a' = format('%c', 1114112);
