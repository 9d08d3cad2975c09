object template clone0;
'/x' = clone();
