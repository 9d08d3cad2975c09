object template e0_top;
"/x" = "a" - 1;
