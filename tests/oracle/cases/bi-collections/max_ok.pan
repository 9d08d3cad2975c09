object template max_ok;
variable V = 3;
'/a' = max(V, 2);
'/b' = max(V, 2.5);
'/c' = min(V, 2.5);
'/d' = min(V, 9);
'/e' = max(-0.0, 0.0);
