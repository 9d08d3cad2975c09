object template o26;
"/a" = { x = null; x; }; "/b" = 1;
