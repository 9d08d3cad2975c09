object template cycle-at-compile-time;
'/a' = 1 % list(1);
'/b' = substitute('${G0}${G0}', dict('G0', '${G0}'));
