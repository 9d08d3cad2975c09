object template c_json;
'/a' = json_decode('1e2');
