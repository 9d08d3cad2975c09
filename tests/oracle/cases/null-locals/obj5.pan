object template obj5;
"/a" = { x = null; x['a'] = 1; x; };
