object template prepended;

# A local variable made to hold itself through one of its children: panc copies the value put
# into the child and its copy overflows (the statement fails, though the block returns a list).
'/v' = { res['a'] = 1; res['b'] = prepend(res['b'], res); list() };
