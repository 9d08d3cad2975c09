object template json_dec_multiline;
variable V = "{\n  \"a\": [1,\n   2,\n  }";
'/a' = json_decode(V);
