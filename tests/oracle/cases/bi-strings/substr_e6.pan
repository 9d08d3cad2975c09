object template substr_e6;
variable V = 1;
'/a' = substr(V, 0);
