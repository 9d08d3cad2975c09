object template o5;
"/a" = { x = list(); x["k"] = 2; x; };
