object template index_bad2;
variable V = 5;
'/a' = index(1, V);
