object template json_dec_nested_bad;
variable V = '{"a": {"b c": 1}}';
'/a' = json_decode(V);
