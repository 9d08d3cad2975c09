object template call7;
# panc builds a call's arguments before the call: their compile-time errors come first
'/y' = deprecated(3, nlist('a b', 1));
