object template create-with-percent;
'/c/a' = create('o/x%y');
