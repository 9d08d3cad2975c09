object template e2_glb;
variable G = 1;
"/x" = { G = 2; - "a"; };
