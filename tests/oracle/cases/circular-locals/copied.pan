object template copied;

# Without a cycle the copy is an ordinary value.
'/v' = { res = dict('a', 1); res['x'] = list(res); res };
