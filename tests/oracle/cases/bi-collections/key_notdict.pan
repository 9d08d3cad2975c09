object template key_notdict;
variable V = list(1);
'/a' = key(V, 0);
