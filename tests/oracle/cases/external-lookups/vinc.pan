template vinc;
"/x" = 1;
