object template json_dec_word;
variable V = 'hello';
'/a' = json_decode(V);
