object template self-child;

'/v' = { res = dict(); res['x'] = prepend(res['x'], res); list() };
