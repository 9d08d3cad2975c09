object template ip_e3;
variable V = '1.2.3.256';
'/a' = ip4_to_long(V);
