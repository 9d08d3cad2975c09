object template ip_e5;
variable V = '99999999999999999999.1.1.1';
'/a' = ip4_to_long(V);
