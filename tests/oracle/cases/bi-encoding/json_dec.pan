object template json_dec;
variable V = '{"b": [1, 2.5, true, "x"], "a": {"c": 1e2}}';
'/a' = json_decode(V);
'/b' = json_decode('"str"');
'/c' = json_decode('42');
'/d' = json_decode('[]');
'/e' = json_decode('1.0');
'/f' = json_decode('-0');
