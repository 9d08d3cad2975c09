object template self-write-keeps-children;
'/srv' = dict('a', dict('b', 1));
'/srv' = { SELF['c'] = 2; n = SELF['a']; n['z'] = 1; SELF };
