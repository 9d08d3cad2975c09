object template lower_bad;
variable V = 1;
'/a' = to_lowercase(V);
