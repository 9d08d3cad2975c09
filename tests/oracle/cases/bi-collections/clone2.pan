object template clone2;
'/x' = clone(1, 2);
