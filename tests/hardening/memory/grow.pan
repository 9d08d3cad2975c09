object template grow;
variable S = {
  s = 'ab';
  i = 0;
  while (i < 100) { s = s + s; i = i + 1; };
  s;
};
'/a' = length(S);
