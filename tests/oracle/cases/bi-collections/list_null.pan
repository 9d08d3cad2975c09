object template list_null;
variable V = null;
'/x' = length(list(V, 1));
