unique template lib/base;
"/base" = true;
