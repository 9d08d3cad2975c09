object template c_json_key;
'/a' = json_decode('{"a b": 1}');
