object template format_resources;
variable V = list(1, 'a', dict('b', list(2.5, true)), list());
'/a' = format('%s|%10s|%.3s', V, list(1), dict());
