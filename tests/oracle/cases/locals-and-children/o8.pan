object template o8;
"/a" = { x = undef; x[0] = 2; x; };
