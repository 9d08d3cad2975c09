object template digest_e2;
'/a' = digest('FOO', 'a');
