object template self-written-after;
'/b' = list(false);
'/b' = { append(list(SELF)); SELF[length(SELF)] = 1; SELF };
