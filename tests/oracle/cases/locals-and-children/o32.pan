object template o32;
"/a" = { x = list(1,2); x[0] = null; x; };
