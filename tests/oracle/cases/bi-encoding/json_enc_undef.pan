object template json_enc_undef;
variable V = undef;
'/a' = json_encode(V);
