object template self-into-protected-self;
'/x/l' = dict('a', false, '1a', 2);
'/x/l' = { SELF['x1'] = SELF; SELF };
