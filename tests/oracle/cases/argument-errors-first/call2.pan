object template call2;
# panc builds a call's arguments before the call: their compile-time errors come first
'/y' = create(nlist('a b', 1), 1, 2, 3);
