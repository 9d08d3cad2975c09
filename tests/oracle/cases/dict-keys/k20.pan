object template k20;
variable K = 'a';
'/d' = length(5);
