object template json_dec_escaped_key;
variable V = '{"{a b}": 1}';
'/a' = json_decode(V);
