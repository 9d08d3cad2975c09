object template o27;
"/a" = { x = null; y = x; exists(y); };
