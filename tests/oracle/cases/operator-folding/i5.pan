template i5;
"/x" = deprecated(0, "dep");
