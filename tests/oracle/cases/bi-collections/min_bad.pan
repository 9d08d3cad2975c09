object template min_bad;
variable V = 'a';
'/a' = min(1, V);
