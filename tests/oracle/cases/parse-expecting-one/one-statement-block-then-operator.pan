object template one-statement-block-then-operator;
'/c/_u' = { 1 } + 2;
