object template nested-lists;
'/srv' = list(list(1));
'/srv' = { n = SELF[0]; n[1] = 5; m = SELF; m[1] = 6; SELF };
