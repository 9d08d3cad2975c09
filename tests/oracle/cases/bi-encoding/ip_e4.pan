object template ip_e4;
variable V = '1.2.3.4/33';
'/a' = ip4_to_long(V);
