object template obj;
function id = ARGV[0];
"/x" = long_to_ip4(id(-1));
