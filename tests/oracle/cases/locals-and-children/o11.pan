object template o11;
"/a" = { x = list(null, 1); length(x); };
