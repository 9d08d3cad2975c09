object template c_unused_function;
function g = key(dict('a', 1), 5);
'/a' = 1;
