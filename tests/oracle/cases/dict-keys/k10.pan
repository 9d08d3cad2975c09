object template k10;
variable K = 'a';
'/d' = dict(K, null, K, 2);
