object template json_dec_null;
variable V = 'null';
'/a' = json_decode(V);
