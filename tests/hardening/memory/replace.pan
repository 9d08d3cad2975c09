object template replace;
variable S = {
  s = 'ab';
  i = 0;
  while (i < 100) { s = replace('a', s, s); i = i + 1; };
  s;
};
'/a' = length(S);
