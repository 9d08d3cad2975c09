object template cycle-in-variable;
variable X = '${X}';
'/a' = { y = 1; substitute('x${X}') };
