object template tolong_edge;
variable V = '-0x8000000000000000';
'/a' = to_long(V);
'/b' = to_long('-9223372036854775808', 10);
'/c' = to_long(9.3e18);
'/d' = to_long('7fffffffffffffff', 16);
'/e' = to_string(to_double('1e-320'));
'/f' = to_string(100.0 * 1.1);
