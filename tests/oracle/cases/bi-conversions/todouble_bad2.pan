object template todouble_bad2;
variable V = dict();
'/a' = to_double(V);
