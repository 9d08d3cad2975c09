object template e0_blk;
"/x" = { y = 1; "a" - 1; };
