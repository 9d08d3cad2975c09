object template o10;
"/a" = { x = dict("a", 1); x["a"]["b"] = 2; x; };
