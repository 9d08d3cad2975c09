object template k9;
variable K = 'a';
'/d' = dict(K, 1, K, 2);
