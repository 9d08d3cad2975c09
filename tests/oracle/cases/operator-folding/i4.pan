template i4;
"/x" = list(1) + 1;
