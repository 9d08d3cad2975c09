object template dict_odd;
'/a' = dict('a');
