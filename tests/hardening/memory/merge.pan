object template merge;
variable L = {
  l = list(1,2);
  i = 0;
  while (i < 100) { l = merge(l, l); i = i + 1; };
  l;
};
'/a' = length(L);
