object template parenthesized-operand;
'/a' = 1 + ({ z = 1; foreach (k; v; z) { 1 } });
