object template digest_e1;
'/a' = digest(1, 'a');
