object template json_dec_bignum;
variable V = '[12345678901234567890]';
'/a' = json_decode(V);
