object template e5_glb;
variable G = 1;
"/x" = { G = 2; deprecated(0, "dep"); };
