template config/base;
"/base" = true;
