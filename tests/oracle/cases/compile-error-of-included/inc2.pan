template inc2;
"/b" = "a" - 1;
