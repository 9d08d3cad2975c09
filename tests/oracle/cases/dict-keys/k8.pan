object template k8;
variable K = true;
'/d' = dict(K, 4);
