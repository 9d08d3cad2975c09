object template obj4;
"/a" = { x = null; x; };
