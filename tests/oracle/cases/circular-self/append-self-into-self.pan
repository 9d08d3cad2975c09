object template append-self-into-self;
'/b' = list(false);
'/b' = { append(list(SELF)); SELF };
