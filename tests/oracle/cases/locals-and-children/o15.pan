object template o15;
"/a" = { x = list(1, null); x[1] = 5; x; };
