object template compile-time-block;
'/srv' = { x = 1; dict('k', x) };
'/srv' = { n = SELF; n['extra'] = list(); y = true; SELF };
