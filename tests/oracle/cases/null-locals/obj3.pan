object template obj3;
"/a" = { x = null; x[0] = 1; x; };
