object template append-self-to-self;
'/b' = list(false);
'/b' = { append(SELF, SELF); SELF };
