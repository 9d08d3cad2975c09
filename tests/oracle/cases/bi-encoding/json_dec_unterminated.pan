object template json_dec_unterminated;
variable V = '["abc';
'/a' = json_decode(V);
