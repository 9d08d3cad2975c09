object template k14;
variable K = 'a';
'/d' = dict('a b', 1);
