object template written-below-then-aliased;
'/srv' = dict('k', 1);
'/srv/j' = 2;
'/srv' = { n = SELF; n['extra'] = list(); y = true; SELF };
