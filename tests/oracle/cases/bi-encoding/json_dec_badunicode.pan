object template json_dec_badunicode;
variable V = '"\uZZZZ"';
'/a' = json_decode(V);
