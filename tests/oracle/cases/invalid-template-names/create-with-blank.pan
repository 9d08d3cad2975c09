object template create-with-blank;
'/c/a' = create('o/x y');
