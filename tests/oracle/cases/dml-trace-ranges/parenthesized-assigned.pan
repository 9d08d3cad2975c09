object template parenthesized-assigned;
'/a' = { x = ({ z = 1; foreach (k; v; z) { 1 } }); x };
