object template json_dec_lenient;
variable V = "{a: 'x', 'b': [1,], }";
'/a' = json_decode(V);
