object template index-dead-else;
'/c' = { x = list(1); x[if (true) 0 else error('x')] };
