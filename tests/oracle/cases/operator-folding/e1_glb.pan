object template e1_glb;
variable G = 1;
"/x" = { G = 2; 1/0; };
