object template o9;
"/a" = { x = dict(); x["a"][1] = 2; x; };
