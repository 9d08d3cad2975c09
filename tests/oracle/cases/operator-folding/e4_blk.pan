object template e4_blk;
"/x" = { y = 1; list(1) + 1; };
