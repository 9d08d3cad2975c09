object template json_dec_empty;
variable V = '';
'/a' = json_decode(V);
