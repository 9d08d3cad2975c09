object template with_exception;
valid '/v1/x' = error('bad');
'/v1/x' = 3;
