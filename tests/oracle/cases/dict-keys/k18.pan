object template k18;
variable K = 'a';
'/d' = dict('a');
