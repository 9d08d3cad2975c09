object template merge0;
'/a' = merge();
