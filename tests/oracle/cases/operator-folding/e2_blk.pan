object template e2_blk;
"/x" = { y = 1; - "a"; };
