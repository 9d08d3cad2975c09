object template join;
variable S = {
  big = 'x';
  i = 0;
  while (i < 20) { big = big + big; i = i + 1; };
  l = list();
  i = 0;
  while (i < 5000) { l[length(l)] = 'y'; i = i + 1; };
  join(big, l);
};
'/a' = length(S);
