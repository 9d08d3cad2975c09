object template json_enc_arity;
'/a' = json_encode();
