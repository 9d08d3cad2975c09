object template ip_e7;
variable V = 4294967296;
'/a' = long_to_ip4(V);
