object template json_dec_arity;
'/a' = json_decode('1', '2');
