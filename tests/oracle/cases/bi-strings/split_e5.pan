object template split_e5;
variable V = 'a,b,c';
'/a' = split(',', 4294967298, V);
