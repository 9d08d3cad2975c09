object template path-write-releases-child;
'/srv' = dict('a', dict('b', 1));
'/srv/a/q' = 3;
'/srv' = { n = SELF['a']; n['z'] = 1; SELF };
