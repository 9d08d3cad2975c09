object template e5_blk;
"/x" = { y = 1; deprecated(0, "dep"); };
