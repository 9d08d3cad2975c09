object template ip_e1;
variable V = 1;
'/a' = ip4_to_long(V);
