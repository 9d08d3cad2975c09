object template o24;
"/a" = { d = null; append(d['k'], 'x'); d; };
