object template from-variable-aliased;
variable V = dict('a', 1);
'/srv' = V;
'/srv' = { n = SELF; n['b'] = 5; SELF };
