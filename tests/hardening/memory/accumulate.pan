object template accumulate;
variable L = {
  big = 'x';
  i = 0;
  while (i < 20) { big = big + big; i = i + 1; };
  l = list();
  i = 0;
  while (i < 10000) { l[length(l)] = big + to_string(i); i = i + 1; };
  length(l);
};
'/a' = L;
