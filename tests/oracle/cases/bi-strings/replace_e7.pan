object template replace_e7;
variable V = 'abc';
'/a' = replace('b', '${nm}', V);
