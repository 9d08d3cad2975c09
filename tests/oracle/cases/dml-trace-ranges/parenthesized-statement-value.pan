object template parenthesized-statement-value;
'/a' = ({ z = 1; foreach (k; v; z) { 1 } });
