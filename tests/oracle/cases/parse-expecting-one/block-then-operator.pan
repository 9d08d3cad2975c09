object template block-then-operator;
'/c/_u' = { y = 1; y } + 'ABC';
