object template o6;
"/a" = { x = dict(); x[0] = 2; x; };
