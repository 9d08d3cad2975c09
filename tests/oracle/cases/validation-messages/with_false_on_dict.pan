object template with_false_on_dict;
bind '/a' = dict with false;
'/a' = dict('k', 1);
