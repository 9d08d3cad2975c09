object template o22;
"/a" = { d = dict('k', 1); append(d['k'], 'x'); d; };
