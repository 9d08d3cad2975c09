unique template cases/sm003;

'/a' = if (false) error(42); # expect: SM003
'/b' = if (false) error(list('x')); # expect: SM003
'/c' = if (false) error('a message');
'/d' = if (false) error('%s', 42);
