object template json_enc;
variable V = dict('a', list(1, 2.5, true, 'x"y'), 'b', dict());
'/a' = json_encode(V);
'/b' = json_encode('é/<>&=\u2028');
'/c' = json_encode(1e20);
'/d' = json_encode(list());
'/e' = json_encode(null);
'/f' = json_encode(1.0);
'/g' = json_encode(-0.0);
