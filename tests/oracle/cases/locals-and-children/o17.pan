object template o17;
"/a" = { d = dict(); d['url'] = append(d['url'], 'x'); d; };
