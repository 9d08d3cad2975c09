object template constant-if-flattened;
'/b' = { y = 0; if (true) { z = 1; if (false) 3 else { 1; foreach (k; v; z) { 1 } } } };
