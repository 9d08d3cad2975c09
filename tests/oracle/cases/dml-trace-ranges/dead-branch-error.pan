object template dead-branch-error;
'/a' = { if (true) 1 else match('x', 'a{2') };
