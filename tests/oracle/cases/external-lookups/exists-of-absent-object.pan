object template exists-of-absent-object;
'/d/b' = exists('nosuch:/x');
