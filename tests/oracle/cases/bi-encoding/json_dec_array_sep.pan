object template json_dec_array_sep;
variable V = '[1 2]';
'/a' = json_decode(V);
