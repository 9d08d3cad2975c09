object template call4;
# panc builds a call's arguments before the call: their compile-time errors come first
'/y' = traceback(nlist('a b', 1));
