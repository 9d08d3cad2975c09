object template k12;
variable K = 'a';
'/d' = dict(K, 1, K, 'x');
