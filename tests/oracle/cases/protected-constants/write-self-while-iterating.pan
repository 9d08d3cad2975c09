object template write-self-while-iterating;
'/x/l' = dict('a', false);
'/x/l' = { foreach (k; v; SELF) { SELF['b' + k] = 1 }; SELF };
