object template key_notlong_notdict;
variable V = 'x';
'/a' = key(V, '0');
