object template json_dec2;
variable V = '{"b": [1, 2.5, TRUE, "x\u00e9\n"], "a": {"c": -0}, "e": null, "f": 1.5e3}';
'/a' = json_decode(V);
'/b' = json_decode('"str"');
'/c' = json_decode('42');
'/d' = json_decode('[]');
'/e' = json_decode('1.0');
'/f' = json_decode("{a: 'x', 'b' = 1; c => [1, 2], // comment\n d: 01, /* x */ e: hello}");
'/g' = json_decode('  ');
