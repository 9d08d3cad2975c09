object template o23;
"/a" = { d = null; append(d, 'x'); d; };
