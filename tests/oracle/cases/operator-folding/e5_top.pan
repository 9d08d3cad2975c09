object template e5_top;
"/x" = deprecated(0, "dep");
