object template o29;
"/a" = { x = null; to_string(x); };
