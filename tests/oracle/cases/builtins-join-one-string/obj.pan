object template obj;
function id = ARGV[0];
"/x" = join(",", id("only"));
