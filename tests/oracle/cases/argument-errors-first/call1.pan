object template call1;
# panc builds a call's arguments before the call: their compile-time errors come first
'/y' = is_null(nlist('x-y_z' + 'naïve', 1), 2);
