object template dict_badkey;
variable V = 'a b';
'/a' = dict(V, 2);
