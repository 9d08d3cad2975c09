object template c_b64;
'/a' = base64_decode('!!!!');
