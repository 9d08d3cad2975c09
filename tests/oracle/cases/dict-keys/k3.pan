object template k3;
variable K = 'a/b';
'/d' = dict(K, 4);
