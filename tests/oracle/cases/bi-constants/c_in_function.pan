object template c_in_function;
function f = substr(ARGV[0], 5);
'/a' = f('abc');
