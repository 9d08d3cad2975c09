object template self_into_self;
'/a' = dict('name', 'x');
'/a' = { SELF['a'] = SELF; SELF };
'/y' = list("line\nbreak", 1.5);
bind '/y' = long(0..10)[];
