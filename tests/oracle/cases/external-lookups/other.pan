object template other;
'/x' = 1;
