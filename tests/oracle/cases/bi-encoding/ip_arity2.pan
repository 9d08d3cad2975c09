object template ip_arity2;
'/a' = long_to_ip4(1, 2);
