object template length_bad;
variable V = 1.5;
'/a' = length(V);
