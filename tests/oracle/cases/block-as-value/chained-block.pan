object template chained-block;

'/a' = { x = y = { 1 }; x };
