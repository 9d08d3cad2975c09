object template k19;
variable K = 'a';
'/d' = list(1, null, 3);
