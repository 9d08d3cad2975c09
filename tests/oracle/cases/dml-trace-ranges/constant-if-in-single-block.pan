object template constant-if-in-single-block;
'/b' = { if (true) { z = 1; foreach (k; v; z) { 1 } } };
