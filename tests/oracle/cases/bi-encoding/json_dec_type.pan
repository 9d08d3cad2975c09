object template json_dec_type;
variable V = 1;
'/a' = json_decode(V);
