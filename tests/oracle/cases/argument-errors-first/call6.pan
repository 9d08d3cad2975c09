object template call6;
# panc builds a call's arguments before the call: their compile-time errors come first
'/y' = append(nlist('a b', 1), null);
