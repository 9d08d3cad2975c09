object template e3_blk;
"/x" = { y = 1; length(1); };
