object template k22;
variable K = 'a';
'/d' = dict(K, 1, 'a', 2);
