object template k4;
variable K = '-a';
'/d' = dict(K, 4);
