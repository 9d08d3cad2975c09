object template length_ok;
variable V = 'a😀b';
'/a' = length(V);
'/b' = length(list(1, 2));
'/c' = length(dict());
'/d' = length(undef);
