object template ip_arity;
'/a' = ip4_to_long();
