object template local_into_local;
'/b' = { x = list(1); append(x, x); 'ok' };
'/c' = { x = list(1); x[1] = x; x };
