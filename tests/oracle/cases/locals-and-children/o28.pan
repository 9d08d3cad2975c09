object template o28;
"/a" = { x = null; is_defined(x); };
