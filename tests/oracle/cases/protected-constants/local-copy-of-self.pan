object template local-copy-of-self;
'/srv' = dict('k', 'a:b', 'b', true, '1a', 2);
'/srv' = { n = SELF; n['extra'] = list(); y = true; SELF };
