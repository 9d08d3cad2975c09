object template k11;
variable K = 'a';
'/d' = dict(K, 1, K, null);
