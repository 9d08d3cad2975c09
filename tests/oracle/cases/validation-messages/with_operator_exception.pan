object template with_operator_exception;
valid '/v1' = SELF != 0;
'/v1' = dict('a', 1);
