object template json_enc_nested_undef;
variable V = list(1, undef);
'/a' = json_encode(V);
