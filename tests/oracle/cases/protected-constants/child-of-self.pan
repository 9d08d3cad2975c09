object template child-of-self;
'/srv' = dict('a', dict('b', 1));
'/srv' = { n = SELF['a']; n['c'] = 5; SELF };
