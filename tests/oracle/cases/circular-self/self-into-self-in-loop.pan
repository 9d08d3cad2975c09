object template self-into-self-in-loop;
'/x' = dict();
'/x' = { foreach (i; v; list(1, 2)) { SELF['b'] = SELF; }; SELF };
