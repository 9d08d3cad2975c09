object template o13;
"/a" = { x = list(null, 1); is_null(x[0]); };
