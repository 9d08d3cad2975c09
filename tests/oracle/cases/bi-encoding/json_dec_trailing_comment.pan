object template json_dec_trailing_comment;
variable V = '[1] // x';
'/a' = json_decode(V);
