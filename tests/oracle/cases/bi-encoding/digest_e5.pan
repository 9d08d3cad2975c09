object template digest_e5;
variable V = 'FOO';
'/a' = digest(V, 'a');
