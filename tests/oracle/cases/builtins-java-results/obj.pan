object template obj;
# issue 12 item 8: the builtins' results as the Java panc gives them
function id = ARGV[0];
"/escape/{é}" = escape(id("é"));
"/escape/plain" = escape(id("1+1 ÿ"));
"/unescape" = list(unescape(id("_e9")), unescape(id("_c3_a9")), unescape(id("_41_42")));
"/ip4/host" = ip4_to_long(id("192.168.1.1"));
"/ip4/net" = ip4_to_long(id("10.0.0.0/8"));
"/ip4/all" = ip4_to_long(id("0.0.0.0/0"));
"/long_to_ip4" = long_to_ip4(id(3232235777));
"/json/word" = json_decode(id("abc"));
"/json/quoted" = json_decode(id("'sq'"));
"/json/nan" = json_decode(id("NaN"));
"/json/double" = json_decode(id("1.5e3"));
"/join/list" = join(",", id(list("a", "b")));
"/join/args" = join(",", id("a"), "b");
"/index" = list(index(id("a"), list(1)), index(id(1), list("a", 1)), index(id(list(1)), list(list(1))));
"/dict" = dict(id("a"), null, id("a"), 2);
"/digest" = digest(id("md5"), "a");
