object template k5;
variable K = 'é';
'/d' = dict(K, 4);
