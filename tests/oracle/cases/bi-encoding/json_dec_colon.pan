object template json_dec_colon;
variable V = '{"a" 1}';
'/a' = json_decode(V);
