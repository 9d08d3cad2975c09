object template json_dec_trailing;
variable V = '[1] x';
'/a' = json_decode(V);
