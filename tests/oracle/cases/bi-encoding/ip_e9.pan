object template ip_e9;
'/a' = long_to_ip4('x');
