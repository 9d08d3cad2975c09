object template ip_e6;
variable V = 'a';
'/a' = long_to_ip4(V);
