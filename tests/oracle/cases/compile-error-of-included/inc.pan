template inc;
"/a" = 1 +;
