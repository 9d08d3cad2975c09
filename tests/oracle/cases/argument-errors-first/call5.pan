object template call5;
# panc builds a call's arguments before the call: their compile-time errors come first
'/y' = delete(nlist('a b', 1));
