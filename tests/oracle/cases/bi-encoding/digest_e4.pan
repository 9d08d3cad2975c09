object template digest_e4;
variable V = 1;
'/a' = digest(V, 'a');
