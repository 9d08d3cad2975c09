object template e3_top;
"/x" = length(1);
