object template json_dec_numkey;
variable V = '{"1": 1}';
'/a' = json_decode(V);
