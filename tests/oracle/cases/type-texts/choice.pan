object template choice;
bind '/x' = choice('a', 'abc', 'hello world');
'/x' = 'zz';
