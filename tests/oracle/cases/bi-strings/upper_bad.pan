object template upper_bad;
variable V = list();
'/a' = to_uppercase(V);
