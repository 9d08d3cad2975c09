object template k6;
variable K = '10';
'/d' = dict(K, 4);
