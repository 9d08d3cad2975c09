object template o25;
"/a" = { d = dict(); append(d[0], 'x'); d; };
