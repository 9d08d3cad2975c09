object template json_enc_special;
variable V = 1.0;
'/a' = json_encode(list(V/0.0 - V/0.0, -V/0.0, 1e-7, 123456789.0));
