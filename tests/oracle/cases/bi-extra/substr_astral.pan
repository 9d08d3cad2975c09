object template substr_astral;
variable V = 'a😀b';
'/a' = length(substr(V, 1, 1));
'/b' = index('b', V);
'/c' = splice(V, 1, 2, 'x');
