object template k13;
variable K = '{x y}';
'/d' = nlist(K, 1, 'x_20y', 2);
