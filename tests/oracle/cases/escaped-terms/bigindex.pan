object template bigindex;
'/l/9999999999' = 1;
