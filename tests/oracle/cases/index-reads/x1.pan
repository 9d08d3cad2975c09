object template x1;
'/x' = { x = list(1); x[1.0]; };
