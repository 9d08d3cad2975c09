object template e1_top;
"/x" = 1/0;
