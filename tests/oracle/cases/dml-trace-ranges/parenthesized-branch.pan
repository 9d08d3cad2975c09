object template parenthesized-branch;
'/a' = { x = 1; if (x == 1) ({ z = 1; foreach (k; v; z) { 1 } }) };
