object template o12;
"/a" = { x = list(null, 1); x[0]; };
