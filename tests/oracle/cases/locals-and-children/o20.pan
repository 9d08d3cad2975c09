object template o20;
"/a" = { append(d['url'], 'x'); d; };
