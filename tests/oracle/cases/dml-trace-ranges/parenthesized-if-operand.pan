object template parenthesized-if-operand;
'/a' = 1 + (if (true) { z = 1; foreach (k; v; z) { 1 } });
