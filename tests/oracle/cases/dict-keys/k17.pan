object template k17;
variable K = 'a';
'/d' = dict(1, 1);
