object template obj2;
variable N = null;
"/a" = { x = N; x[0] = 1; x; };
