object template values;
'/a' = substitute('${a}', dict('a', '${b}', 'b', 'x'));
'/b' = substitute('$${a}|$$${a}|${a:-d}', dict('a', 'x'));
'/c' = substitute('${a}${b}', dict('a', 'x$', 'b', 'y'));
'/d' = substitute('${a}', dict('a', '$${b}', 'b', 'y'));
'/e' = substitute('${a}-${a}', dict('a', '${b}${b}', 'b', 'y'));
'/f' = substitute('${a', dict('a', 'x'));
'/g' = substitute('${a}', dict('a', '${b:-q}', 'b', 'y'));
