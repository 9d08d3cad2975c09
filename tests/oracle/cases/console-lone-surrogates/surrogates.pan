object template surrogates;

# substr() cuts a character beyond U+FFFF in two: the console shows the lone half as Java does (?).
'/a' = debug(substr('a😀b', 0, 2));
'/b' = error(substr('a😀b', 0, 2));
