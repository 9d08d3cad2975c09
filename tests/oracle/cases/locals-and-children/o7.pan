object template o7;
"/a" = { x = 1; x = null; x = "a"; x; };
