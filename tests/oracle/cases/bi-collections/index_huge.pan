object template index_huge;
variable V = list(1,2,3);
'/a' = index(3, V, 4294967297);
'/b' = index(3, V, 2147483648);
