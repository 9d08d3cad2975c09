object template path-write-keeps-sibling;
'/srv' = dict('a', dict('b', 1), 'c', dict('d', 1));
'/srv/a/q' = 3;
'/srv' = { n = SELF['c']; n['z'] = 1; SELF };
