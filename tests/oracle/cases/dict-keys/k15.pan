object template k15;
variable K = 'a';
'/d' = dict('a', 1, 'a', 2);
