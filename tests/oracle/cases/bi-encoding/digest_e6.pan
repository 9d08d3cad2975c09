object template digest_e6;
variable V = 1;
'/a' = digest('MD5', V);
