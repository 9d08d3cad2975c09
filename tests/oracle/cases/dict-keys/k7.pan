object template k7;
variable K = 1;
'/d' = dict(K, 4);
