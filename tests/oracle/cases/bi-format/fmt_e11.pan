object template fmt_e11;
variable V = 1;
'/a' = format('%c', 'ab');
