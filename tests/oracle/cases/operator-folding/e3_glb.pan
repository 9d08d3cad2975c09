object template e3_glb;
variable G = 1;
"/x" = { G = 2; length(1); };
