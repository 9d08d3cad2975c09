object template list-constant;
'/srv' = list(1);
'/srv' = { n = SELF; n[1] = 5; SELF };
