object template copy-is-deep;
'/srv' = dict('a', list(1));
'/srv' = { n = SELF; n['a'][1] = 5; SELF };
