object template ip_e8;
variable V = -1;
'/a' = long_to_ip4(V);
