object template o30;
"/a" = { x = null; x + "a"; };
