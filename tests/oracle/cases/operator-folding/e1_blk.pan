object template e1_blk;
"/x" = { y = 1; 1/0; };
