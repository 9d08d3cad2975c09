object template s30;
'/x' = create('st');
