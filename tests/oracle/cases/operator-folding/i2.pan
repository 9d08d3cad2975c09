template i2;
"/x" = - "a";
