object template obj;
function id = ARGV[0];
"/x" = json_decode(id("[1, null]"));
