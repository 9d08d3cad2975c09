object template e4_top;
"/x" = list(1) + 1;
