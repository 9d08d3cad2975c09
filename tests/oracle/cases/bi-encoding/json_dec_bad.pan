object template json_dec_bad;
variable V = '{"a": ';
'/a' = json_decode(V);
