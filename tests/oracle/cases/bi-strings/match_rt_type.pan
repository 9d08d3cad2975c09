object template match_rt_type;
variable V = 1;
'/a' = match(V, 'a');
