object template create-empty-component;
'/c/a' = create('a//b');
