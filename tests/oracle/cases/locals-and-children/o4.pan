object template o4;
"/a" = { x = "s"; x[0] = 2; x; };
