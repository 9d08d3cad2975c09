object template length_null;
variable V = null;
'/a' = length(V);
