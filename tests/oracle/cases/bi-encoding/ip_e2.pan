object template ip_e2;
variable V = '1.2.3';
'/a' = ip4_to_long(V);
