object template b64d_arity;
'/a' = base64_decode('a', 'b');
