unique template cases/lp012;

'/a' = if (false) error(format('bad %s', 'x')); # expect: LP012
'/b' = debug(format('value %d', 1)); # expect: LP012
'/c' = if (false) error('bad %s', 'x');
'/d' = format('%s', 'ok');
'/e' = 'error(format("x", 1))';
