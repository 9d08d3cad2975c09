object template k16;
variable K = 'a';
'/d' = dict('10', 1);
