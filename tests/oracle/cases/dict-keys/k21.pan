object template k21;
variable K = 'a';
'/d' = length(null);
