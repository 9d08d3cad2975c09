object template ip_more;
variable V = ' 1.2.3.4';
'/a' = ip4_to_long(V);
