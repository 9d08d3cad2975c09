object template constant-if-statement-value;
'/a' = if (true) { z = 1; foreach (k; v; z) { 1 } };
