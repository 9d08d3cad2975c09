object template variable-if-keeps-block;
'/b' = { y = 0; if (y == 0) { z = 1; foreach (k; v; z) { 1 } } };
