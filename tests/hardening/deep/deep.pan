object template deep;
variable D = {
  x = dict('leaf', 'v');
  i = 0;
  while (i < 3000) { x = dict('k', x); i = i + 1; };
  x;
};
'/a' = D;
variable L = {
  x = list(1);
  i = 0;
  while (i < 3000) { x = list(x); i = i + 1; };
  x;
};
'/b' = L;
