object template o18;
"/a" = { d = dict(); append(d['url'], 'x'); d; };
