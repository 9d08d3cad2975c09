object template local-into-self-aliased;
'/r7' = { x = list(1); SELF['k'] = x; x[1] = 2; SELF };
'/r8' = { x = list(1); SELF[0] = x; x[1] = 2; SELF };
'/r10' = { x = list(1); y = (SELF['k'] = x); y[1] = 4; SELF };
'/r11' = dict();
'/r11' = { SELF['b'] = SELF; SELF };
