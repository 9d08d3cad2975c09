object template e2_top;
"/x" = - "a";
