object template self-into-writable-self;
'/x' = dict();
'/x' = { SELF['b'] = SELF; SELF['b'] = SELF; SELF };
