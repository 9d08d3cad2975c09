object template json_dec_true;
variable V = 'true';
'/a' = json_decode(V);
