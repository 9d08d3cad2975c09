object template obj;
function id = ARGV[0];
"/x" = escape(id("日本"));
