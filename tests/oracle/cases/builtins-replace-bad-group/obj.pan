object template obj;
function id = ARGV[0];
"/x" = replace("(a)", id("${n}"), "a");
