object template index_partial_dict;
variable V = list(dict('k', 'foo', 'x', 1), dict('k', 'foo'));
'/a' = index(dict('k', 'foo'), V);
'/b' = index('foo', dict('a', 'foo', 'b', 'bar', 'c', 'foo'), 1);
