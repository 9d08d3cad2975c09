template i0;
"/x" = "a" - 1;
