object template cycle;
'/a' = substitute('${a}', dict('a', '${b}', 'b', '${c}', 'c', '${a}'));
