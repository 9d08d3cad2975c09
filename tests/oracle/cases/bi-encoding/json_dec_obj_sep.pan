object template json_dec_obj_sep;
variable V = '{"a": 1 "b": 2}';
'/a' = json_decode(V);
