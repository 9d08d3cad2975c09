object template k2;
variable K = '';
'/d' = dict(K, 4);
