object template create-empty;
'/c/a' = create('');
