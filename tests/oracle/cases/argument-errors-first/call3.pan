object template call3;
# panc builds a call's arguments before the call: their compile-time errors come first
'/y' = debug(1, nlist('a b', 1));
