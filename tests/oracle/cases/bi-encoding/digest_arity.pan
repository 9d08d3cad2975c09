object template digest_arity;
'/a' = digest('MD5');
