object template k1;
variable K = 'a b';
'/d' = dict(K, 4);
