object template c_digest_ok;
'/a' = digest('SHA-256', 'x');
'/b' = to_string(to_double('0x1.8p1'));
'/c' = base64_encode('x');
