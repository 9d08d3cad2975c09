object template obj3;
"/c" = 1;
