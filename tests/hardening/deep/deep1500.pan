object template deep1500;
variable D = {
  x = dict('leaf', 'v');
  i = 0;
  while (i < 1500) { x = dict('k', x); i = i + 1; };
  x;
};
'/a' = D;
variable L = {
  x = list(1);
  i = 0;
  while (i < 1500) { x = list(x); i = i + 1; };
  x;
};
'/b' = L;
