object template constant-false-if-no-else;
'/c' = { y = 0; if (false) { z = 1 }; foreach (k; v; y) { 1 } };
