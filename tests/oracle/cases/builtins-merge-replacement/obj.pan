object template obj;
function id = ARGV[0];
"/x" = merge(id(dict("b", 1, "a", 1)), dict("b", 2, "a", "x"));
