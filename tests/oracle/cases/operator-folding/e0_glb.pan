object template e0_glb;
variable G = 1;
"/x" = { G = 2; "a" - 1; };
