object template deps;
include "lib/base";
include if_exists("nosuch/template");
"/a" = file_contents("data.txt");
"/b" = file_exists("nope.txt");
"/c" = file_exists("lib/base.pan");
