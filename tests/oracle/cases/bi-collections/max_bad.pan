object template max_bad;
variable V = 'a';
'/a' = max(V, 2);
