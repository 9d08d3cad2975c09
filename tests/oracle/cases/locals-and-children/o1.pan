object template o1;
"/a" = { x = 1; x = "a"; x; };
