template i1;
"/x" = 1/0;
