unique template cases/sm004;

variable length = 3; # expect: SM004
'/a' = { list = list(1); list; }; # expect: SM004
'/b' = { items = list(1); items; };
'/c' = { ip6_canonical = '::1'; ip6_canonical; }; # expect: SM004
