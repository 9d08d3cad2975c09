object template o21;
"/a" = { d = list(); append(d[2], 'x'); d; };
