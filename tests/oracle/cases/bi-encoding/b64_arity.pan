object template b64_arity;
'/a' = base64_encode();
