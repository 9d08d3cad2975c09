object template e4_glb;
variable G = 1;
"/x" = { G = 2; list(1) + 1; };
