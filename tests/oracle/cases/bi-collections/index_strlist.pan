object template index_strlist;
variable V = 'abc';
'/a' = index(1, V);
