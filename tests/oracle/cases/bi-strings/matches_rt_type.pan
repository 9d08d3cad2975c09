object template matches_rt_type;
variable V = list();
'/a' = matches(V, 'a');
