object template append_self;
'/b' = list(false);
'/b' = { append(list(SELF)); SELF[length(SELF)] = 3.75; SELF };
