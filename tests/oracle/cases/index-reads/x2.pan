object template x2;
variable X = list(1);
'/x' = { x = X; x[1.0]; };
