object template indexed-block;

'/a' = { x[0] = { 1 }; x };
