object template json_dec_badkey;
variable V = '{"a b": 1}';
'/a' = json_decode(V);
