object template o19;
"/a" = { d = dict(); prepend(d['a']['b'], 'x'); d; };
