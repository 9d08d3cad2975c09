object template c_ip;
'/a' = ip4_to_long('99999999999999999999.1.1.1');
