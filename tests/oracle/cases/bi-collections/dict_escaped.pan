object template dict_escaped;
variable V = '{a b}';
'/a' = dict(V, 2);
